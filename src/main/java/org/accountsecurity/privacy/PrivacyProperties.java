package org.accountsecurity.privacy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Privacy settings ({@code app.privacy.*}): the sub-processors named on {@code /privacy},
 * the version of the data processing agreement that accounts accept, the media addresses
 * that firewalls must let UDP reach, the origins of webinar pages that may read cookie
 * settings (exact {@code scheme://host[:port]}), and where the service is hosted.
 *
 * @param subProcessors who processes data on the platform's behalf, in the order shown
 * @param dpaVersion the current agreement; a new value asks every account to accept again
 * @param mediaAddresses IP addresses or CIDR ranges of the media servers
 * @param webinarOrigins origins that get CORS headers on the cookie settings JSON
 * @param hostingLocation where the service and its data are hosted (empty: not shown)
 */
@ConfigurationProperties("app.privacy")
@Validated
public record PrivacyProperties(@DefaultValue @NotNull List<@Valid SubProcessor> subProcessors,
		@DefaultValue("1.0") @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}") String dpaVersion,
		@DefaultValue @NotNull List<@Pattern(regexp = "[0-9A-Fa-f:.]{2,39}(/[0-9]{1,3})?") String> mediaAddresses,
		@DefaultValue @NotNull List<@Pattern(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?") String> webinarOrigins,
		@DefaultValue("") @Size(max = 200) String hostingLocation) {

	/** One sub-processor: its name, what it does for the platform, and where. */
	public record SubProcessor(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 300) String purpose,
			@NotBlank @Size(max = 200) String location) {
	}

}
