package org.steadfast.forum;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class DraftH2IT extends DraftScenarios {
}
