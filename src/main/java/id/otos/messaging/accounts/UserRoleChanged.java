package id.otos.messaging.accounts;

/**
 * An admin gave a person another role. Published inside the transaction of the change, so
 * listeners that keep their own data in step (a former teacher's categories) commit or
 * roll back with it.
 */
public record UserRoleChanged(long userId, RoleName from, RoleName to) {

}
