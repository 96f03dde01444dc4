package org.accountsecurity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries (docs/modules.md): every top-level package is a module; modules
 * form no cycle and use only each other's public face (Spring Modulith); nothing depends
 * on a web edge (the {@code web} module, or a module's {@code web} package); only the
 * password module touches BCrypt. No exemptions.
 */
class ArchitectureTests {

	private static final Path DIAGRAMS = Path.of("docs/modules");

	static final ApplicationModules MODULES = ApplicationModules.of(AccountSecurityApplication.class);

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.accountsecurity");

	@Test
	void modulesFormNoCycleAndUseOnlyEachOthersPublicFace() {
		MODULES.verify();
	}

	@Test
	void nothingDependsOnAWebEdge() {
		noClasses().that()
			.resideOutsideOfPackages("org.accountsecurity..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.accountsecurity..web..")
			.check(CLASSES);
		noClasses().that()
			.resideOutsideOfPackage("org.accountsecurity.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.accountsecurity.web..")
			.check(CLASSES);
	}

	@Test
	void onlyThePasswordModuleTouchesBcrypt() {
		noClasses().that()
			.resideOutsideOfPackage("org.accountsecurity.password..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.security.crypto.bcrypt.BCrypt")
			.check(CLASSES);
	}

	/**
	 * Keeps the diagrams in docs/modules current: a changed dependency shows in the diff.
	 * The Documenter writes relations in no fixed order, so they are sorted.
	 */
	@Test
	void writesTheModuleDiagrams() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		try (Stream<Path> files = Files.list(DIAGRAMS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				Files.write(file, relationsSorted(Files.readAllLines(file)));
			}
		}
	}

	private static List<String> relationsSorted(List<String> lines) {
		List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
		List<String> sorted = new ArrayList<>(lines.size());
		int next = 0;
		for (String line : lines) {
			sorted.add(line.startsWith("Rel(") ? relations.get(next++) : line);
		}
		return sorted;
	}

}
