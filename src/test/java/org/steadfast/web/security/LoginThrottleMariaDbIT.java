package org.steadfast.web.security;

import org.springframework.test.context.TestPropertySource;
import org.steadfast.support.MariaDbTest;

/** On MariaDB, with the throttle the cluster uses: counts shared by every node through the database. */
@MariaDbTest
@TestPropertySource(properties = "steadfast.security.login-throttle.shared=true")
class LoginThrottleMariaDbIT extends LoginThrottleScenarios {
}
