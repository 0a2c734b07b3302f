/** Facilitation (issue 16): the workshop timer, dot votes counted once per person, comment threads, across real browsers. */
import { expect, test, type Page } from '@playwright/test';
import type { Board } from '../../shared/board/types';
import { galliumBoard, importBoard, peopleOfTheSpec, person, type Person } from './support';

const join = peopleOfTheSpec();

async function open(browser: Parameters<typeof person>[0], name: string, color: string, url: string): Promise<Person> {
  const p = await join(browser, name, color, url);
  await expect(p.page.getByTestId('node-cn-ref')).toBeVisible();
  return p;
}

/** The gallium board with a second lever, so a vote has two options. */
function twoLevers(): Board {
  const board = galliumBoard();
  board.scenario.disruptions.push({ id: 'jp-strike', label: 'Japanese residue strike', enabled: false, target: { country: 'JP' }, minerals: ['gallium'], factor: 0.5, days: 60 });
  return board;
}

const votePanel = (page: Page) => page.getByRole('region', { name: 'Dot vote' });

test('a viewer, and someone who joins later, see the timer the facilitator started; a pause reaches them', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const fay = await open(browser, 'Fay', '#2f5cd6', board.links.facilitator);
  const vic = await open(browser, 'Vic', '#5e8c31', board.links.viewer);
  await expect(vic.page.getByRole('group', { name: 'Workshop timer' })).toHaveCount(0);
  await expect(vic.page.getByRole('button', { name: 'Start' })).toHaveCount(0);

  await fay.page.getByLabel('Minutes').fill('3');
  await fay.page.getByRole('button', { name: 'Start' }).click();
  const vicClock = vic.page.getByRole('timer');
  await expect(vicClock).toHaveText(/^(3:00|2:5\d)$/);
  await expect(vic.page.getByRole('group', { name: 'Workshop timer' }).getByRole('button')).toHaveCount(0);

  const ed = await open(browser, 'Ed', '#c8692d', board.links.editor);
  await expect(ed.page.getByRole('timer')).toHaveText(/^(3:00|2:[45]\d)$/);

  await fay.page.getByRole('button', { name: 'Pause' }).click();
  await expect(vicClock).toHaveAttribute('aria-label', /^Paused at 2:[45]\d$/);
  await fay.page.getByRole('button', { name: 'Add a minute' }).click();
  await expect(ed.page.getByRole('timer')).toHaveAttribute('aria-label', /^Paused at 3:[45]\d$/);
  // An editor's own client cannot start it: the server refuses the write (and the page offers no control).
  await expect(ed.page.getByRole('button', { name: 'Resume' })).toHaveCount(0);

  // A reload re-sends the offline copy (with the facilitator's timer in it) before the server's state: still welcome.
  await ed.page.reload();
  await expect(ed.page.getByRole('timer')).toHaveAttribute('aria-label', /^Paused at 3:[45]\d$/);
  await fay.page.getByRole('button', { name: 'Resume' }).click();
  await expect(ed.page.getByRole('timer')).toHaveAttribute('aria-label', /left$/);
  await expect(ed.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
});

test('votes are counted once per person: two tabs of one person are one voter', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, twoLevers());
  const fay = await open(browser, 'Fay', '#2f5cd6', board.links.facilitator);
  const bo = await open(browser, 'Bo', '#c8692d', board.links.editor);
  const vic = await open(browser, 'Vic', '#5e8c31', board.links.viewer);

  await fay.page.getByRole('button', { name: 'Vote', exact: true }).click();
  const setup = fay.page.getByRole('form', { name: 'Start a dot vote' });
  await setup.getByLabel('Votes per person').fill('2');
  await setup.getByRole('button', { name: 'Open the vote' }).click();

  // The vote opens on everyone's screen.
  await expect(votePanel(bo.page)).toContainText('Which lever next?');
  await votePanel(bo.page).getByRole('button', { name: 'Add a vote for China gallium export ban' }).click();
  await expect(votePanel(fay.page).getByRole('status')).toHaveText(/1 person has voted/);

  // Bo's second tab: same browser, same person; it shows Bo's ballot and adds to it.
  const boTab2 = await bo.context.newPage();
  await boTab2.goto(board.links.editor);
  await expect(votePanel(boTab2)).toContainText('You have 1 of 2 votes left.');
  await votePanel(boTab2).getByRole('button', { name: 'Add a vote for China gallium export ban' }).click();
  await expect(votePanel(bo.page)).toContainText('You have 0 of 2 votes left.');

  await votePanel(vic.page).getByRole('button', { name: 'Add a vote for Japanese residue strike' }).click();
  await expect(votePanel(fay.page).getByRole('status')).toHaveText(/2 people have voted/);
  await expect(votePanel(vic.page).locator('.vote-count')).toHaveCount(0);

  await votePanel(fay.page).getByRole('button', { name: 'Close voting' }).click();
  await expect(votePanel(vic.page).getByRole('button', { name: /Add a vote/ })).toHaveCount(0);
  await votePanel(fay.page).getByRole('button', { name: 'Reveal results' }).click();
  const results = votePanel(vic.page).getByRole('listitem');
  await expect(results).toHaveCount(2);
  await expect(results.nth(0)).toContainText('China gallium export ban');
  await expect(results.nth(0).locator('.vote-count')).toHaveText('2 votes');
  await expect(results.nth(1).locator('.vote-count')).toHaveText('1 vote');
  await expect(votePanel(boTab2).getByRole('status')).toHaveText(/2 people have voted/);
});

test('a comment made by one person shows for another, with who wrote it; resolving it reaches them too', async ({ browser, baseURL }) => {
  const board = await importBoard(baseURL!, galliumBoard());
  const ada = await open(browser, 'Ada', '#2f5cd6', board.links.editor);
  const bo = await open(browser, 'Bo', '#c8692d', board.links.viewer);

  await ada.page.getByTestId('node-it-fab').click();
  const adaComments = ada.page.getByRole('region', { name: 'Comments on the selected item' });
  await adaComments.getByLabel('New comment').fill('Is 100 t/yr of demand still right?');
  await adaComments.getByRole('button', { name: 'Comment' }).click();

  await bo.page.getByTestId('node-it-fab').click();
  const boComments = bo.page.getByRole('region', { name: 'Comments on the selected item' });
  await expect(boComments.locator('.comment-text')).toHaveText('Is 100 t/yr of demand still right?');
  await expect(boComments.locator('.comment-author')).toHaveText('Ada');
  await expect(boComments.getByLabel('1 open comment thread')).toBeVisible();
  await expect(bo.page.getByRole('tab', { name: 'Inspector' }).locator('.comment-tab-badge')).toHaveText('1');
  await expect(boComments.getByLabel('New comment')).toHaveCount(0);

  await adaComments.getByRole('button', { name: 'Resolve' }).click();
  await expect(boComments.getByRole('button', { name: 'Show 1 resolved' })).toBeVisible();
  await expect(bo.page.getByRole('tab', { name: 'Inspector' }).locator('.comment-tab-badge')).toHaveCount(0);
});
