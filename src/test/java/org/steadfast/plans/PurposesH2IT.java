package org.steadfast.plans;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class PurposesH2IT extends PurposeScenarios {
}
