package org.steadfast.forum;

/** A small, fixed set of reactions that fit a support forum: no dislikes, no scores. */
public enum ReactionKind {
	HUG("🤗"), STRONG("💪"), BEEN_THERE("🫂"), HELPED("💡");

	private final String symbol;

	ReactionKind(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return symbol;
	}

	public String messageKey() {
		return "reaction." + name();
	}
}
