/** Drives one demo chat page (legacy or converted: same DOM) the way a person would, and reads what it shows. */
import type { Page } from 'playwright-core';

export type ChatKind = 'legacy' | 'converted';

const TIMEOUT_MS = 10_000;

export class ChatPage {
  constructor(
    readonly page: Page,
    readonly kind: ChatKind,
    readonly account: string,
  ) {}

  static path(kind: ChatKind, account: string): string {
    return `/demo/${kind}-chat.html?account=${encodeURIComponent(account)}`;
  }

  async fill(selector: string, value: string): Promise<void> {
    await this.page.fill(selector, value);
  }

  async click(selector: string): Promise<void> {
    await this.page.click(selector);
  }

  async login(): Promise<void> {
    await this.click('#login');
    await this.page.waitForFunction((text) => document.getElementById('state')?.textContent === text, `logged in as ${this.account}`, { timeout: TIMEOUT_MS });
  }

  async sendPeer(to: string, text: string): Promise<void> {
    await this.fill('#peer', to);
    await this.fill('#peer-text', text);
    await this.click('#peer-send');
  }

  async join(channel: string): Promise<void> {
    await this.fill('#channel-name', channel);
    await this.click('#join');
    await this.waitForLog(`Joined channel ${channel}`);
  }

  async leave(): Promise<void> {
    await this.click('#leave');
  }

  async sendChannel(text: string): Promise<void> {
    await this.fill('#channel-text', text);
    await this.click('#channel-send');
  }

  async call(peer: string, channel: string): Promise<void> {
    await this.fill('#channel-name', channel);
    await this.fill('#callee', peer);
    await this.click('#call');
  }

  /** Waits until the incoming-call box is shown and returns what it says. */
  async incomingText(): Promise<string> {
    await this.page.waitForSelector('#incoming:not([hidden])', { timeout: TIMEOUT_MS });
    return (await this.page.textContent('#incoming-text')) ?? '';
  }

  /** Waits until the incoming-call box is shown, then answers it. */
  async answer(accept: boolean): Promise<void> {
    await this.page.waitForSelector('#incoming:not([hidden])', { timeout: TIMEOUT_MS });
    await this.click(accept ? '#accept' : '#refuse');
  }

  logLines(): Promise<string[]> {
    return this.page.$$eval('#log li', (items) => items.map((item) => item.textContent ?? ''));
  }

  members(): Promise<string[]> {
    return this.page.$$eval('#members li', (items) => items.map((item) => item.textContent ?? ''));
  }

  /** Waits for an event line with exactly this text; on timeout the error shows what the page logged. */
  async waitForLog(text: string): Promise<void> {
    try {
      await this.page.waitForFunction((line) => [...document.querySelectorAll('#log li')].some((item) => item.textContent === line), text, { timeout: TIMEOUT_MS });
    } catch {
      throw new Error(`${this.kind} page of ${this.account}: no event "${text}". Events:\n  ${(await this.logLines()).join('\n  ')}`);
    }
  }

  /** Waits until the member list is exactly `expected` (any order). */
  async waitForMembers(expected: readonly string[]): Promise<void> {
    const sorted = [...expected].sort();
    try {
      await this.page.waitForFunction(
        (want) => JSON.stringify([...document.querySelectorAll('#members li')].map((item) => item.textContent).sort()) === want,
        JSON.stringify(sorted),
        { timeout: TIMEOUT_MS },
      );
    } catch {
      throw new Error(`${this.kind} page of ${this.account}: members ${JSON.stringify(await this.members())}, expected ${JSON.stringify(sorted)}`);
    }
  }
}
