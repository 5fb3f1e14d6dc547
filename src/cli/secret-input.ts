/**
 * Reading a new password on the operator's machine: never from the command line, where it would stay in
 * the shell history and show in the process list. Either piped in (`--password-stdin`), or typed twice
 * at a terminal with nothing echoed.
 */
import { badInput } from "../platform/errors.ts";

export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    // One line from a file or a secret manager: the newline that ends it is not part of the password.
    const password = (await readAll(process.stdin)).replace(/\r?\n$/, "");
    if (!password) throw badInput("no password arrived on stdin", "--password-stdin");
    return password;
  }
  if (!process.stdin.isTTY) {
    throw badInput("pipe the password in with --password-stdin, or run on a terminal to type it", "password");
  }
  const [first, second] = await askHidden(["New password: ", "Type it again: "]);
  if (first !== second) throw badInput("the two passwords typed differ", "password");
  return first ?? "";
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Asks each question on stderr and reads one line per question from the terminal in raw mode, echoing
 * nothing; lines typed ahead of their question are kept for it.
 */
function askHidden(questions: readonly string[]): Promise<string[]> {
  const input = process.stdin;
  const answers: string[] = [];
  let typed: string[] = [];
  let afterReturn = false;
  return new Promise((resolve, reject) => {
    const stop = () => {
      input.off("data", onData);
      input.off("end", onEnd);
      input.setRawMode(false);
      input.pause();
    };
    const onEnd = () => {
      stop();
      reject(badInput("the terminal closed before the password was typed", "password"));
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        const lineFeedOfReturn = afterReturn && char === "\n";
        afterReturn = char === "\r";
        if (lineFeedOfReturn) continue;
        if (char === "\u0003") {
          stop();
          process.stderr.write("\n");
          reject(badInput("cancelled at the password prompt", "password"));
          return;
        }
        if (char === "\r" || char === "\n" || char === "\u0004") {
          answers.push(typed.join(""));
          typed = [];
          process.stderr.write("\n");
          if (answers.length === questions.length) {
            stop();
            resolve(answers);
            return;
          }
          process.stderr.write(questions[answers.length] ?? "");
        } else if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed.push(char);
      }
    };
    process.stderr.write(questions[0] ?? "");
    input.setRawMode(true);
    input.setEncoding("utf8");
    input.on("data", onData);
    input.once("end", onEnd);
    input.resume();
  });
}
