package org.steadfast.web.security;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class LoginThrottleH2IT extends LoginThrottleScenarios {
}
