package id.otos.messaging.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Indonesian by default, English for a browser that prefers it; {@code ?lang=en} or
 * {@code ?lang=id} chooses and is remembered in a cookie. Only these two: any other
 * {@code ?lang=} is ignored (nothing is remembered), and a cookie naming anything else
 * counts as no cookie.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final Locale INDONESIAN = Locale.forLanguageTag("id");

	static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("otos_lang") {

			@Override
			protected Locale parseLocaleValue(String value) {
				return supported(value).orElse(null);
			}

		};
		resolver.setRejectInvalidCookies(false);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(LocaleConfiguration::fromBrowser);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {

			@Override
			protected Locale parseLocaleValue(String value) {
				return supported(value)
					.orElseThrow(() -> new IllegalArgumentException("Not a language of the application"));
			}

		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/**
	 * The application's language a {@code ?lang=} value or cookie names: exactly
	 * {@code id} or {@code en}.
	 * @param value the value
	 * @return the language, or empty for anything else
	 */
	static Optional<Locale> supported(String value) {
		return SUPPORTED.stream().filter((supported) -> supported.getLanguage().equals(value)).findFirst();
	}

	/**
	 * The language of a request answered before the pages' interceptor reads
	 * {@code ?lang=} (a refusal in a filter): that parameter, else the cookie or the
	 * browser's.
	 * @param request the request
	 * @param resolver the application's locale resolver
	 * @return the language to answer in
	 */
	static Locale asked(HttpServletRequest request, LocaleResolver resolver) {
		return supported(request.getParameter("lang")).orElseGet(() -> resolver.resolveLocale(request));
	}

	private static Locale fromBrowser(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return INDONESIAN;
		}
		for (Locale preferred : Collections.list(request.getLocales())) {
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(preferred.getLanguage())) {
					return supported;
				}
			}
		}
		return INDONESIAN;
	}

}
