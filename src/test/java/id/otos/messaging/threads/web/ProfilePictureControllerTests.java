package id.otos.messaging.threads.web;

import java.util.Optional;
import java.util.Set;

import id.otos.messaging.accounts.AccountFixtures;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.PictureContent;
import id.otos.messaging.accounts.PictureSamples;
import id.otos.messaging.accounts.ProfilePictures;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.threads.PictureAudience;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import id.otos.messaging.web.WebTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProfilePictureController.class)
@Import(WebTestConfiguration.class)
class ProfilePictureControllerTests {

	private static final String VERSION = "7-0a1b2c3d4e.png";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ProfilePictures pictures;

	@MockitoBean
	PictureAudience audience;

	@MockitoBean
	Viewers viewers;

	private CurrentUser teacher;

	@BeforeEach
	void aTeacherIsLoggedInAndStudentSevenHasAPicture() {
		this.teacher = AccountFixtures.loggedIn(3, RoleName.TEACHER);
		given(this.accounts.currentUser(3)).willReturn(Optional.of(this.teacher));
		Viewer viewer = new Viewer(3, RoleName.TEACHER, Set.of());
		given(this.viewers.of(this.teacher)).willReturn(viewer);
		given(this.audience.maySee(viewer, 7)).willReturn(true);
		given(this.audience.maySee(viewer, 8)).willReturn(true);
		given(this.pictures.version(7)).willReturn(Optional.of(VERSION));
		given(this.pictures.content(7))
			.willReturn(Optional.of(new PictureContent("image/png", PictureSamples.png(), VERSION)));
	}

	@Test
	void servesThePictureWithTheTypeItWasDetectedAs() throws Exception {
		this.mvc.perform(get("/accounts/7/picture").with(user(this.teacher)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(header().stringValues("ETag", "\"" + VERSION + "\""))
			.andExpect(content().bytes(PictureSamples.png()));
	}

	@Test
	void aVersionedAddressIsCachedForAYear() throws Exception {
		this.mvc.perform(get("/accounts/7/picture").param("v", VERSION).with(user(this.teacher)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, private, immutable"));
	}

	@Test
	void anAddressWithoutTheCurrentVersionMustBeRevalidated() throws Exception {
		this.mvc.perform(get("/accounts/7/picture").param("v", "7-old.png").with(user(this.teacher)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-cache, private"));
	}

	@Test
	void anUnchangedPictureIsNotSentAgainNorRead() throws Exception {
		this.mvc
			.perform(get("/accounts/7/picture").header("If-None-Match", "\"" + VERSION + "\"").with(user(this.teacher)))
			.andExpect(status().isNotModified())
			.andExpect(header().stringValues("ETag", "\"" + VERSION + "\""))
			.andExpect(content().bytes(new byte[0]));
		then(this.pictures).should(never()).content(anyLong());
	}

	@Test
	void someoneWithoutAPictureHasNone() throws Exception {
		given(this.pictures.version(8)).willReturn(Optional.empty());

		this.mvc.perform(get("/accounts/8/picture").with(user(this.teacher))).andExpect(status().isNotFound());
	}

	@Test
	void aPictureOneMayNotSeeAnswersExactlyAsOneThatDoesNotExist() throws Exception {
		given(this.pictures.version(9)).willReturn(Optional.of("9-0a1b2c3d4e.png"));
		given(this.pictures.version(8)).willReturn(Optional.empty());

		String hidden = this.mvc.perform(get("/accounts/9/picture").with(user(this.teacher)))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String missing = this.mvc.perform(get("/accounts/8/picture").with(user(this.teacher)))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hidden).isEqualTo(missing);
		this.mvc
			.perform(
					get("/accounts/9/picture").header("If-None-Match", "\"9-0a1b2c3d4e.png\"").with(user(this.teacher)))
			.andExpect(status().isNotFound());
		then(this.pictures).should(never()).content(anyLong());
	}

	@Test
	void anonymousPeopleSeeNoPictures() throws Exception {
		this.mvc.perform(get("/accounts/7/picture")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		then(this.pictures).should(never()).content(anyLong());
	}

}
