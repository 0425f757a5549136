package org.steadfast.moderation;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class ExNamesH2IT extends ExNameScenarios {
}
