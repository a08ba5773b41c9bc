import { render, screen } from '@testing-library/react';
import { Root } from '../app/Root';
import { createFakeSeat } from './fakeSeat';

/** Mounts the whole console on a fake seat and waits until the intake form is on screen. */
export async function renderApp(seed?: Parameters<typeof createFakeSeat>[0]) {
  const seat = createFakeSeat(seed);
  render(<Root client={seat.client} />);
  const phone = await screen.findByTestId('intake-phone');
  return { seat, phone };
}
