package org.steadfast.accounts;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class AccountDataH2IT extends AccountDataScenarios {
}
