package id.otos.messaging.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' style sheet and scripts under {@value #PATH}, the prefix every page of the
 * application has, so that behind one domain with Django a proxy that sends
 * {@code /messages/} here serves the pages whole (README, "Running beside Django"). They
 * are still served at their old addresses too.
 */
@Configuration(proxyBeanMethods = false)
class AssetsConfiguration implements WebMvcConfigurer {

	static final String PATH = "/messages/assets/";

	/**
	 * Whether the request is for a style sheet, script, picture or icon, which needs no
	 * log-in: the filters that check one leave it alone.
	 * @param request the request
	 * @return whether it asks for a static file
	 */
	static boolean isAsset(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(PATH) || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/images/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATH + "**").addResourceLocations("classpath:/static/");
	}

}
