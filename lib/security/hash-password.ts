// Prints the TASKBOARD_BASIC_AUTH secret for a password:  npx tsx lib/security/hash-password.ts 'my password'
// (or pipe the password on stdin so it stays out of the shell history).
import { readFileSync } from "node:fs";
import { hashPassword } from "./basic-auth";

const password = process.argv[2] ?? readFileSync(0, "utf8").replace(/\r?\n$/, "");
if (!password) {
  console.error("usage: npx tsx lib/security/hash-password.ts <password>   (or the password on stdin)");
  process.exit(2);
}
console.log(hashPassword(password));
