import type { ReactNode } from 'react';

export const settingsSections = ['access', 'providers', 'chat', 'data'] as const;
export type SettingsSectionId = (typeof settingsSections)[number];

/** One titled part of the settings, reachable from the dialog's section links. */
export function SettingsSection({
  id,
  title,
  children,
}: {
  id: SettingsSectionId;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      id={`settings-${id}`}
      data-testid={`settings-section-${id}`}
      aria-labelledby={`settings-${id}-title`}
      className="flex scroll-mt-2 flex-col gap-4 border-t border-zinc-200 pt-4 first:border-t-0 first:pt-0 dark:border-zinc-800"
    >
      <h3 id={`settings-${id}-title`} className="text-base font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}
