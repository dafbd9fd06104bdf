import { getMetadataStorage } from '../metadata-storage';

/**
 * Marks a class as the app's own class for a plugin's table: the rows of the model the plugin declared under
 * `model` (`'twoFactor'`, `'passkey'`, or any table a plugin declares with `recordModel`). Its properties map
 * to the plugin's fields by name, or through `@AuthField('secret')`; further properties are the app's own
 * columns (with `@AuthDefault` for the value plugin writes leave them). A TypeORM `@Entity('…')` gives the
 * table its SQL name and `@Column({ name })` the column names. Register the class with the adapter
 * (`records: [AppTwoFactor]`); it is checked against the plugin's declaration when the auth is built.
 * @example
 * @Entity('mfa_secrets') @AuthRecord('twoFactor')
 * class AppTwoFactor {
 *   @PrimaryColumn() id!: string;
 *   @Column({ name: 'totp_secret', type: 'text' }) @AuthField('secret') totpSecret!: string;
 *   @Column({ default: 'authenticator' }) @AuthDefault('authenticator') label!: string;
 *   // … every other field of the twoFactor table
 * }
 */
export function AuthRecord(model: string): ClassDecorator {
  return (target) => {
    getMetadataStorage().records.push(Object.freeze({ target, model }));
  };
}
