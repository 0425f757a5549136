package org.steadfast.plans;

/** What happened when no contact was broken. */
public enum SlipKind {
	TEXTED, CALLED, MET, SOCIAL_MEDIA, OTHER
}
