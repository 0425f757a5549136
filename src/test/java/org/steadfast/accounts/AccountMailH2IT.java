package org.steadfast.accounts;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class AccountMailH2IT extends AccountMailScenarios {
}
