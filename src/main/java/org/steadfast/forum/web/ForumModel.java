package org.steadfast.forum.web;

import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.steadfast.forum.ReactionKind;

@ControllerAdvice(basePackageClasses = ForumModel.class)
class ForumModel {

	private static final List<ReactionKind> KINDS = List.of(ReactionKind.values());

	@ModelAttribute("reactionKinds")
	List<ReactionKind> reactionKinds() {
		return KINDS;
	}
}
