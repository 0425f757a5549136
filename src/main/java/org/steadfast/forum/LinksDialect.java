package org.steadfast.forum;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@link Links} as the expression object {@code #links} of every template. Not a bean reference
 * ({@code @links}): Thymeleaf refuses those in {@code th:href} and the other URL attributes, where it
 * restricts expressions, but allows expression objects.
 */
@Component
class LinksDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "links";

	private static final Links LINKS = new Links();

	LinksDialect() {
		super("Steadfast links");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? LINKS : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}
}
