import { useTranslations } from 'next-intl';

export function EmptyState({ hasModels }: { hasModels: boolean }) {
  const t = useTranslations('Empty');
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-2 px-6 text-center">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="max-w-md text-zinc-500">{hasModels ? t('body') : t('noModels')}</p>
    </div>
  );
}
