package org.steadfast.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo community's settings ({@code steadfast.demo.*}).
 *
 * @param password the one password of every demo member, set only by the {@code dev} profile (so
 *     that a developer can sign in as a member or as the moderator); empty by default, when each
 *     demo member gets a random secret nobody is told and the accounts exist to be read
 */
@ConfigurationProperties("steadfast.demo")
record DemoProperties(String password) {

	DemoProperties {
		password = password == null ? "" : password;
	}
}
