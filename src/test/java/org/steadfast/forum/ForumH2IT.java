package org.steadfast.forum;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class ForumH2IT extends ForumScenarios {
}
