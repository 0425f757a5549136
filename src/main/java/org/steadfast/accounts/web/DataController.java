package org.steadfast.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.AccountData;
import org.steadfast.accounts.AccountData.RequestKind;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.PersonalData.Erasure;
import org.steadfast.common.Refusal;

/** Settings → Your data: take a copy of everything, or leave. Both ask for the password again. */
@Controller
class DataController {

	private final AccountData data;

	DataController(AccountData data) {
		this.data = data;
	}

	@GetMapping("/settings/data")
	String page(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		return page(me, model, null, null, null);
	}

	private String page(MemberPrincipal me, Model model, String exportError, String deleteError, String mode) {
		model.addAttribute("requests", data.requests(me.id()));
		model.addAttribute("exportError", exportError);
		model.addAttribute("deleteError", deleteError);
		model.addAttribute("mode", mode == null ? "" : mode);
		return "accounts/data";
	}

	/** A wrong or missing password for the export: the page again, with the message. */
	static final class ExportRefused extends RuntimeException {

		private final long memberId;
		private final String messageKey;

		ExportRefused(long memberId, String messageKey) {
			super(messageKey, null, false, false);
			this.memberId = memberId;
			this.messageKey = messageKey;
		}
	}

	@ExceptionHandler(ExportRefused.class)
	ModelAndView exportRefused(ExportRefused refused) {
		var page = new ModelAndView("accounts/data");
		page.addObject("requests", data.requests(refused.memberId));
		page.addObject("exportError", refused.messageKey);
		page.addObject("mode", "");
		return page;
	}

	@PostMapping("/settings/data/export")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "") String password) {
		if (!data.confirm(me.id(), password, RequestKind.EXPORT_REFUSED)) {
			throw new ExportRefused(me.id(), password.isEmpty() ? "data.passwordRequired" : "data.passwordWrong");
		}
		data.exportStarted(me.id());
		long memberId = me.id();
		StreamingResponseBody body = out -> data.export(memberId, out);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("steadfast-your-data.zip").build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.contentType(MediaType.parseMediaType("application/zip"))
				.body(body);
	}

	@PostMapping("/settings/data/delete")
	String delete(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String mode, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Erasure erasure = parse(mode);
		if (erasure == null) {
			return page(me, model, null, "data.delete.chooseMode", mode);
		}
		if (!data.confirm(me.id(), password, RequestKind.DELETE_REFUSED)) {
			return page(me, model, null, password.isEmpty() ? "data.passwordRequired" : "data.passwordWrong", mode);
		}
		data.erase(me.id(), erasure, null);
		new SecurityContextLogoutHandler().logout(request, response, null);
		redirect.addFlashAttribute("notice", "data.deleted");
		return "redirect:/";
	}

	/** Staff erase an account on the member's request (from /admin/members). */
	@PostMapping("/admin/members/{id}/erase")
	String erase(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String mode, @RequestParam(defaultValue = "") String confirm,
			RedirectAttributes redirect) {
		Erasure erasure = parse(mode);
		if (erasure == null || !"ERASE".equals(confirm.trim())) {
			redirect.addFlashAttribute("roleError", "data.staff.confirm");
			return "redirect:/admin/members";
		}
		if (id == me.id()) {
			throw Refusal.forbidden("data.staff.notYourself");
		}
		data.erase(id, erasure, me.id());
		redirect.addFlashAttribute("notice", "data.staff.erased");
		return "redirect:/admin/members";
	}

	private static Erasure parse(String mode) {
		for (Erasure e : Erasure.values()) {
			if (e.name().equals(mode)) {
				return e;
			}
		}
		return null;
	}
}
