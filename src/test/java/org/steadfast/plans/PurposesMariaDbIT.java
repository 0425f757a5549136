package org.steadfast.plans;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class PurposesMariaDbIT extends PurposeScenarios {
}
