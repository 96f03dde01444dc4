package org.accountsecurity.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Selenium, with the flags this machine needs (no
 * background network, a fresh profile) and the system chromedriver, so Selenium Manager
 * downloads nothing.
 */
public final class Browser implements AutoCloseable {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File DRIVER = new File("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final File profile;

	private final String base;

	public Browser(String base) {
		this.base = base;
		try {
			this.profile = Files.createTempDirectory("chromium-profile").toFile();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1280,900", "--user-data-dir=" + profile.getAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	/**
	 * For {@code @EnabledIf}: whether Debian's chromium and chromium-driver are installed
	 * (in CI they must be).
	 */
	public static boolean available() {
		return RequiredInCi.check(CHROMIUM.canExecute() && DRIVER.canExecute(), "Chromium (chromium, chromium-driver)");
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String pathOrUrl) {
		driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
	}

	/**
	 * Waits until the element is visible: a click returns before the next page has
	 * loaded.
	 */
	public WebElement await(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public String title() {
		return driver.getTitle();
	}

	@Override
	public void close() {
		driver.quit();
		org.springframework.util.FileSystemUtils.deleteRecursively(profile);
	}

}
