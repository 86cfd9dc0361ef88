import { Logger } from '@nestjs/common';

// Specs assert on behaviour, not on log lines: keep the run's output readable. LOG=1 shows them.
if (process.env['LOG'] !== '1') Logger.overrideLogger(false);
