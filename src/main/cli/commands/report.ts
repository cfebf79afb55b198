/** `revision report`. PLACEHOLDER until its issue fills it in. */
import { CliError, type CliCommand } from '../io';

export const reportCommand: CliCommand = async () => {
  throw new CliError('Cette commande n’est pas encore disponible.', 3);
};
