package org.steadfast.accounts;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class AccountsH2IT extends AccountScenarios {
}
