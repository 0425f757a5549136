package org.steadfast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SteadfastApplication {

	public static void main(String[] args) {
		SpringApplication.run(SteadfastApplication.class, args);
	}
}
