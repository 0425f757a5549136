package org.steadfast.partners;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class PartnersH2IT extends PartnerScenarios {
}
