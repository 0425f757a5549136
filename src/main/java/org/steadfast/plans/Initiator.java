package org.steadfast.plans;

/** Who started the contact that broke the streak. */
public enum Initiator {
	ME, THEM
}
