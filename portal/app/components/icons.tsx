// A few 20×20 outline icons (drawn for this project), so pages need no icon font or package.
import type { SVGProps } from 'react';

function Icon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className="h-4 w-4" {...props}>
      {children}
    </svg>
  );
}

export const ClockIcon = () => (
  <Icon>
    <circle cx="10" cy="10" r="7.25" />
    <path d="M10 6v4.25l2.75 1.75" />
  </Icon>
);

export const BoltIcon = () => (
  <Icon>
    <path d="M11 2.75 4.75 11h4.5L8.5 17.25 15.25 9h-4.5L11 2.75Z" />
  </Icon>
);

export const CheckCircleIcon = () => (
  <Icon>
    <circle cx="10" cy="10" r="7.25" />
    <path d="m7 10.25 2 2 4-4.5" />
  </Icon>
);

export const AlertIcon = () => (
  <Icon>
    <path d="M10 3.25 2.75 16h14.5L10 3.25Z" />
    <path d="M10 8.5v3M10 13.75v.01" />
  </Icon>
);

export const ArrowLeftIcon = () => (
  <Icon>
    <path d="M15.5 10h-11M9 5l-5 5 5 5" />
  </Icon>
);
