package org.steadfast.web;

import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.steadfast.common.Refusal;

/**
 * A form's errors as the {@link BindingResult} its template reads ({@code th:errors},
 * {@code #fields.hasErrors}, {@code #fields.globalErrors()}), from rules that answer with message
 * keys by field and from refusals; a refusal without a field is about the whole form.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/** No errors: the form as first shown. */
	public static BindingResult none(Object form, String name) {
		return empty(form, name);
	}

	/** The rules' errors, message keys by field. */
	public static BindingResult of(Object form, String name, Map<String, String> byField) {
		DirectFieldBindingResult errors = empty(form, name);
		byField.forEach((field, key) -> add(errors, field, key));
		return errors;
	}

	/** What a service refused, said on its field or, without one, above the form. */
	public static BindingResult refused(Object form, String name, Refusal refused) {
		DirectFieldBindingResult errors = empty(form, name);
		add(errors, refused.field(), refused.messageKey());
		return errors;
	}

	/** The form and then its errors: a model attribute replaced after its errors would drop them. */
	public static void show(Model model, String name, Object form, BindingResult errors) {
		model.addAttribute(name, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
	}

	/** Fields read directly: forms are records, without getters. */
	private static DirectFieldBindingResult empty(Object form, String name) {
		return new DirectFieldBindingResult(form, name, false);
	}

	private static void add(DirectFieldBindingResult errors, String field, String key) {
		if (field == null) {
			errors.reject(key);
		}
		else if (errors.getPropertyAccessor().isReadableProperty(field)) {
			errors.rejectValue(field, key);
		}
		else {
			// A field this form does not have (a post's body refused under another name, such as a
			// check-in's note or a plan's statement): said above the form, so it is never lost.
			errors.reject(key);
		}
	}
}
