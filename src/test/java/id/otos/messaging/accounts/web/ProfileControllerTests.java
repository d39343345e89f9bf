package id.otos.messaging.accounts.web;

import java.io.InputStream;
import java.util.Optional;

import id.otos.messaging.accounts.AccountException;
import id.otos.messaging.accounts.AccountFixtures;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.PictureSamples;
import id.otos.messaging.accounts.ProfilePictures;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.User;
import id.otos.messaging.web.WebTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.sameInstance;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProfileController.class)
@Import({ WebTestConfiguration.class, LoggedInSession.class })
class ProfileControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ProfilePictures pictures;

	private final User student = AccountFixtures.user(5, RoleName.STUDENT);

	private CurrentUser me;

	@BeforeEach
	void logInAsStudent() {
		this.me = AccountFixtures.loggedIn(this.student);
		given(this.accounts.currentUser(5)).willReturn(Optional.of(this.me));
		given(this.accounts.details(5)).willReturn(Optional.of(AccountFixtures.details(this.student)));
		given(this.pictures.maxSize()).willReturn("2 MB");
		given(this.pictures.maxBytes()).willReturn(2097152L);
	}

	@Test
	void anonymousPeopleAreSentToLogIn() throws Exception {
		this.mvc.perform(get("/profile")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void showsTheirOwnDetails() throws Exception {
		this.mvc.perform(get("/profile").with(me()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"profile-email\">student5@otos.test<")))
			.andExpect(content().string(containsString("name=\"firstName\" value=\"Nama\"")))
			.andExpect(content().string(containsString("id=\"save-profile\"")))
			.andExpect(content().string(containsString("PNG, JPEG, GIF atau WebP, maksimal 2 MB.")));
	}

	@Test
	void savedDetailsLeadBackToTheProfileWithAMessage() throws Exception {
		this.mvc
			.perform(post("/profile/details").with(me())
				.with(csrf())
				.param("firstName", "Andi")
				.param("lastName", "Pratama")
				.param("phoneNumber", "0812-3456-7890"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/profile"))
			.andExpect(flash().attribute("flashSuccess", "profile.saved"));
		then(this.accounts).should().updateProfile(5, "Andi", "Pratama", "0812-3456-7890");
	}

	@Test
	void aBlankFirstNameComesBackWithWhatWasTypedAndAMessageInIndonesian() throws Exception {
		this.mvc
			.perform(post("/profile/details").with(me())
				.with(csrf())
				.param("firstName", " ")
				.param("lastName", "Pratama")
				.param("phoneNumber", "0812"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"firstName-error\">Wajib diisi.<")))
			.andExpect(content().string(containsString("value=\"Pratama\"")))
			.andExpect(content().string(containsString("id=\"phoneNumber-error\">Nomor telepon hanya boleh")));
		then(this.accounts).should(never()).updateProfile(anyLong(), any(), any(), any());
	}

	@Test
	void messagesAreInEnglishForAnEnglishBrowser() throws Exception {
		this.mvc
			.perform(post("/profile/details").with(me())
				.with(csrf())
				.header("Accept-Language", "en-US,en;q=0.9")
				.param("firstName", "")
				.param("lastName", "")
				.param("phoneNumber", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"firstName-error\">Required.<")));
	}

	@Test
	void changingDetailsWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/profile/details").with(me()).param("firstName", "Andi"))
			.andExpect(status().isForbidden());
		then(this.accounts).should(never()).updateProfile(anyLong(), any(), any(), any());
	}

	@Test
	void aNewPasswordThatDoesNotMatchItsConfirmationIsRefused() throws Exception {
		this.mvc.perform(password("lama-sandi-1", "sandi-baru-123", "sandi-baru-124"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("id=\"confirmPassword-error\">Kata sandi baru dan ulangannya tidak sama.<")));
		then(this.accounts).should(never()).changePassword(anyLong(), any(), any(), any());
	}

	@Test
	void aNewPasswordShorterThanEightCharactersIsRefused() throws Exception {
		this.mvc.perform(password("lama-sandi-1", "pendek", "pendek"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("id=\"newPassword-error\">Kata sandi harus 8 sampai 72 karakter.<")));
		then(this.accounts).should(never()).changePassword(anyLong(), any(), any(), any());
	}

	@Test
	void aWrongCurrentPasswordIsRefusedAndNoPasswordIsShownAgain() throws Exception {
		willThrow(new AccountException("currentPassword", "account.error.wrong-password")).given(this.accounts)
			.changePassword(eq(5L), eq("tebakan-salah"), eq("sandi-baru-123"), any());

		this.mvc.perform(password("tebakan-salah", "sandi-baru-123", "sandi-baru-123"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"currentPassword-error\">Kata sandi saat ini salah.<")))
			.andExpect(content().string(not(containsString("tebakan-salah"))))
			.andExpect(content().string(not(containsString("sandi-baru-123"))));
	}

	@Test
	void whileThePasswordChecksAreLockedTheFormSaysHowLongToWait() throws Exception {
		willThrow(new AccountException("currentPassword", "account.error.password-locked", 15L)).given(this.accounts)
			.changePassword(eq(5L), eq("lama-sandi-1"), eq("sandi-baru-123"), eq("10.4.5.6"));

		this.mvc.perform(password("lama-sandi-1", "sandi-baru-123", "sandi-baru-123"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"id=\"currentPassword-error\">Terlalu banyak percobaan kata sandi yang salah. Tunggu 15 menit, lalu coba lagi.<")));
	}

	@Test
	void afterChangingThePasswordTheSessionStaysLoggedInWithTheNewPassword() throws Exception {
		CurrentUser renewed = AccountFixtures.loggedIn(this.student);
		given(this.accounts.changePassword(5, "lama-sandi-1", "sandi-baru-123", "10.4.5.6")).willReturn(renewed);

		this.mvc.perform(password("lama-sandi-1", "sandi-baru-123", "sandi-baru-123"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/profile"))
			.andExpect(flash().attribute("flashSuccess", "profile.password.changed"))
			.andExpect(authenticated().withAuthenticationPrincipal(renewed))
			.andExpect(request().sessionAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
					hasProperty("authentication", hasProperty("principal", sameInstance(renewed)))));
	}

	@Test
	void anUploadedPictureGoesToTheAccountsService() throws Exception {
		this.mvc.perform(picture(new MockMultipartFile("picture", "me.png", "image/png", PictureSamples.png())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/profile"))
			.andExpect(flash().attribute("flashSuccess", "profile.picture.saved"));
		then(this.pictures).should().upload(eq(5L), any(InputStream.class));
	}

	@Test
	void aFileThatIsNotAnImageIsRefusedWithAMessage() throws Exception {
		willThrow(new AccountException("picture", "profile.picture.error.not-an-image")).given(this.pictures)
			.upload(eq(5L), any(InputStream.class));

		this.mvc
			.perform(picture(
					new MockMultipartFile("picture", "virus.png", "image/png", "<script>alert(1)</script>".getBytes())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("id=\"picture-error\">File ini bukan gambar PNG, JPEG, GIF atau WebP.<")));
	}

	@Test
	void aPictureOverTheLimitIsRefusedWithTheLimitInTheMessage() throws Exception {
		willThrow(new AccountException("picture", "profile.picture.error.too-large", "2 MB")).given(this.pictures)
			.upload(eq(5L), any(InputStream.class));

		this.mvc.perform(picture(new MockMultipartFile("picture", "big.png", "image/png", PictureSamples.png())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("id=\"picture-error\">File terlalu besar: ukuran maksimal 2 MB.<")));
	}

	@Test
	void uploadingWithoutChoosingAFileAsksForOne() throws Exception {
		this.mvc.perform(picture(new MockMultipartFile("picture", "", "application/octet-stream", new byte[0])))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"picture-error\">Pilih file gambar terlebih dahulu.<")));
		then(this.pictures).should(never()).upload(anyLong(), any());
	}

	@Test
	void removingThePictureLeadsBackToTheProfile() throws Exception {
		this.mvc.perform(post("/profile/picture/remove").with(me()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "profile.picture.removed"));
		then(this.pictures).should().remove(5);
	}

	private RequestPostProcessor me() {
		return user(this.me);
	}

	private RequestBuilder password(String current, String newPassword, String confirmation) {
		return post("/profile/password").with(me()).with(csrf()).with((request) -> {
			request.setRemoteAddr("10.4.5.6");
			return request;
		}).param("currentPassword", current).param("newPassword", newPassword).param("confirmPassword", confirmation);
	}

	private RequestBuilder picture(MockMultipartFile file) {
		return multipart("/profile/picture").file(file).with(me()).with(csrf());
	}

}
