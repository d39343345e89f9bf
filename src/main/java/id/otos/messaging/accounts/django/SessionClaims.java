package id.otos.messaging.accounts.django;

/**
 * What a verified Django session says about its log-in: the user's id
 * ({@code _auth_user_id}), the authentication backend that logged them in
 * ({@code _auth_user_backend}) and the fingerprint of the password they logged in with
 * ({@code _auth_user_hash}, see {@link SessionAuthHash}).
 *
 * @param userId the logged-in user's id in {@code otosapp_user}
 * @param backend the dotted path of the Django authentication backend
 * @param authHash the session's password fingerprint, hexadecimal
 */
public record SessionClaims(long userId, String backend, String authHash) {

}
