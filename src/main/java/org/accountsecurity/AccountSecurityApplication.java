package org.accountsecurity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Account Security Service: password change and recovery by e-mailed link, audited
 * for operators.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AccountSecurityApplication {

	public static void main(String[] args) {
		SpringApplication.run(AccountSecurityApplication.class, args);
	}

}
