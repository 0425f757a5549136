package org.steadfast.accounts;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class AccountDataMariaDbIT extends AccountDataScenarios {
}
