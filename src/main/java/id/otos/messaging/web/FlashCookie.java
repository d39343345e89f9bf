package id.otos.messaging.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * The message shown after a redirect ("Balasan terkirim.") kept in a short-lived cookie
 * instead of the session. In the session it cost a write of the session and its
 * attribute, and a second commit, on the request that saved it (a reply) and again on the
 * page that showed it; in a cookie it costs neither.
 *
 * <p>
 * The cookie is signed with the session's id (HMAC-SHA256), so it is only read in the
 * session that wrote it: a value changed, made up, or planted by someone who does not
 * hold the session is ignored. Only plain values go in it (texts and whole numbers:
 * message keys, their arguments, a reply's text for its box); the page escapes them as it
 * did, and a message key resolves only to a text of {@code messages*.properties}.
 * Anything else, a request without a session, and a cookie that would be longer than
 * {@value #MAX_VALUE_LENGTH} characters (a long reply text) stay in the session as
 * before; a flash message still in a session when this was deployed is shown as before.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class FlashCookie extends AbstractFlashMapManager {

	static final String NAME = "FLASH";

	static final int MAX_VALUE_LENGTH = 3000;

	private static final String SESSION_ATTRIBUTE = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	private static final TypeReference<List<Stored>> STORED_LIST = new TypeReference<>() {
	};

	private final JsonMapper json;

	FlashCookie(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		List<FlashMap> maps = new ArrayList<>();
		HttpSession session = request.getSession(false);
		Cookie cookie = WebUtils.getCookie(request, NAME);
		if (session != null && cookie != null) {
			maps.addAll(read(cookie.getValue(), session.getId()));
		}
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof List<?> kept) {
			kept.stream().filter(FlashMap.class::isInstance).map(FlashMap.class::cast).forEach(maps::add);
		}
		return maps.isEmpty() ? null : maps;
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		List<FlashMap> inCookie = new ArrayList<>();
		List<FlashMap> inSession = new ArrayList<>();
		for (FlashMap map : flashMaps) {
			(session != null && plain(map) ? inCookie : inSession).add(map);
		}
		String value = inCookie.isEmpty() ? null : write(inCookie, session.getId());
		if (value != null && value.length() > MAX_VALUE_LENGTH) {
			inSession.addAll(inCookie);
			value = null;
		}
		if (value != null) {
			response.addCookie(cookie(request, value, flashMaps));
		}
		else if (WebUtils.getCookie(request, NAME) != null) {
			response.addCookie(cookie(request, "", List.of()));
		}
		if (!inSession.isEmpty()) {
			request.getSession().setAttribute(SESSION_ATTRIBUTE, new ArrayList<>(inSession));
		}
		else if (session != null && session.getAttribute(SESSION_ATTRIBUTE) != null) {
			session.removeAttribute(SESSION_ATTRIBUTE);
		}
	}

	private List<FlashMap> read(String value, String sessionId) {
		int dot = value.indexOf('.');
		if (dot < 0) {
			return List.of();
		}
		try {
			byte[] body = Base64.getUrlDecoder().decode(value.substring(0, dot));
			byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
			if (!MessageDigest.isEqual(signature, sign(body, sessionId))) {
				return List.of();
			}
			return this.json.readValue(body, STORED_LIST).stream().map(Stored::toFlashMap).toList();
		}
		catch (IllegalArgumentException | JacksonException | NullPointerException unreadable) {
			return List.of();
		}
	}

	private String write(List<FlashMap> maps, String sessionId) {
		byte[] body = this.json.writeValueAsBytes(maps.stream().map(Stored::of).toList());
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(body) + "." + base64.encodeToString(sign(body, sessionId));
	}

	private static byte[] sign(byte[] body, String sessionId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(sessionId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static boolean plain(FlashMap map) {
		return map.values()
			.stream()
			.allMatch((value) -> value instanceof String || value instanceof Integer || value instanceof Long);
	}

	private Cookie cookie(HttpServletRequest request, String value, List<FlashMap> maps) {
		Cookie cookie = new Cookie(NAME, value);
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		long latest = maps.stream().mapToLong(FlashMap::getExpirationTime).max().orElse(-1);
		cookie.setMaxAge(value.isEmpty() ? 0
				: (int) Math.max(1, Math.min(getFlashMapTimeout(), (latest - System.currentTimeMillis()) / 1000 + 1)));
		return cookie;
	}

	/** A flash map as the cookie holds it. */
	record Stored(String path, Map<String, List<String>> params, long expires, Map<String, Object> values) {

		static Stored of(FlashMap map) {
			return new Stored(map.getTargetRequestPath(), new LinkedHashMap<>(map.getTargetRequestParams()),
					map.getExpirationTime(), new LinkedHashMap<>(map));
		}

		FlashMap toFlashMap() {
			FlashMap map = new FlashMap();
			map.setTargetRequestPath(this.path);
			if (this.params != null) {
				map.addTargetRequestParams(new LinkedMultiValueMap<>(this.params));
			}
			map.setExpirationTime(this.expires);
			this.values.forEach((name, value) -> {
				if (value instanceof String || value instanceof Integer || value instanceof Long) {
					map.put(name, value);
				}
			});
			return map;
		}

	}

}
