package org.steadfast.moderation;

/** From mildest to strongest. Silenced members read but don't write; suspended and banned ones can't sign in. */
public enum SanctionKind {
	WARN, SILENCE, SUSPEND, BAN
}
