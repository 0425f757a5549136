package org.steadfast.partners.matching;

/** What a member hopes a partner will do for them. */
public enum Wish {

	/** A kind word every day. */
	DAILY_ENCOURAGEMENT,

	/** Someone to message before breaking no contact. */
	MESSAGE_BEFORE_BREAKING,

	/** Just reading each other's check-ins. */
	READ_CHECK_INS
}
