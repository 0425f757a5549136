package org.steadfast.plans;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class PlansH2IT extends PlanScenarios {
}
