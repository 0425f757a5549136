package org.steadfast.moderation;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class ModerationH2IT extends ModerationScenarios {
}
