package org.accountsecurity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of STYLE.md: nothing depends on the web edge, base features not
 * on later ones.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.accountsecurity");

	@Test
	void nothingOutsideTheWebEdgeDependsOnIt() {
		noClasses().that()
			.resideOutsideOfPackage("org.accountsecurity.web..")
			.and()
			.resideOutsideOfPackages("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.accountsecurity.web..")
			.check(CLASSES);
	}

	@Test
	void noFeatureDependsOnAnotherFeaturesPagesOrApi() {
		noClasses().that()
			.resideOutsideOfPackages("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.accountsecurity.*.web..")
			.check(CLASSES);
	}

	@Test
	void baseFeaturesDoNotDependOnThePasswordResetFeature() {
		noClasses().that()
			.resideInAnyPackage("org.accountsecurity.account..", "org.accountsecurity.password..",
					"org.accountsecurity.mail..", "org.accountsecurity.audit..", "org.accountsecurity.ratelimit..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.accountsecurity.passwordreset..")
			.check(CLASSES);
	}

	@Test
	void onlyThePasswordFeatureTouchesBcrypt() {
		noClasses().that()
			.resideOutsideOfPackage("org.accountsecurity.password..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.security.crypto.bcrypt.BCrypt")
			.check(CLASSES);
	}

}
