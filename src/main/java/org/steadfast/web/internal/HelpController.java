package org.steadfast.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Crisis resources, linked from every page's footer; readable by anyone, signed in or not. */
@Controller
class HelpController {

	@GetMapping("/help")
	String help() {
		return "web/help";
	}
}
