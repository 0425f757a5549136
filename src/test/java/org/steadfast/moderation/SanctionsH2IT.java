package org.steadfast.moderation;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class SanctionsH2IT extends SanctionScenarios {
}
