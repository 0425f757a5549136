package org.steadfast.web;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class BadInputH2IT extends BadInputScenarios {
}
