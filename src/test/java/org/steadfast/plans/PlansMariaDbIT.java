package org.steadfast.plans;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class PlansMariaDbIT extends PlanScenarios {
}
