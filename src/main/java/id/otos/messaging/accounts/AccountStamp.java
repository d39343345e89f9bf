package id.otos.messaging.accounts;

/**
 * How far the changes to one account have gone, as this node knows them: equal stamps
 * mean nothing changed the account in between (see {@link KeptPerAccount}).
 *
 * @param everyone moves when this node may have missed changes to any account
 * @param personal moves at every change to this account
 */
record AccountStamp(long everyone, long personal) {

}
