import { IntlMessageFormat } from 'intl-messageformat';
import type { ErrorCode } from '../app-error.js';
import type { Locale } from './supported-locales.js';

type Catalog = Record<ErrorCode, string>;

/** User-facing error messages, ICU syntax. Every locale has every code (checked by a test). */
export const errorMessages: Record<Locale, Catalog> = {
  en: {
    VALIDATION_FAILED: 'The field {field} is missing or not valid.',
    INVALID_JSON: 'The request body is not valid JSON.',
    UNAUTHENTICATED: 'Please sign in.',
    INVALID_CREDENTIALS: 'The e-mail address or password is wrong.',
    TOTP_REQUIRED: 'Enter the code from your authenticator app.',
    FORBIDDEN: 'You are not allowed to do this.',
    CSRF_REJECTED: 'The request came from another site and was refused.',
    TOTP_ENROLLMENT_REQUIRED:
      'Your committee requires two-factor sign-in for staff. Set up an authenticator app to continue.',
    NOT_FOUND: 'Not found.',
    ALREADY_EXISTS: 'This already exists.',
    VERSION_CONFLICT: 'Someone else changed this record. Reload it and try again.',
    INVALID_TRANSITION: 'This action is not possible while the case is {state}.',
    DEADLINE_PASSED: 'The deadline for this has passed.',
    SESSION_IN_PAST: 'This time has already passed. Choose a time in the future.',
    CONSENT_REQUIRED:
      '{count, plural, one {# party has} other {# parties have}} not yet given the consent this needs.',
    AGREEMENT_INCOMPLETE:
      'Not every party has confirmed every point and signed yet, or the mediator has not signed.',
    AGREEMENT_TEXT_CHANGED:
      "The parties' details changed after the text was finalised. Finalise a new version before signing.",
    MEDIATOR_UNAVAILABLE:
      '{count, plural, one {A team member is} other {# team members are}} not available at that time. Choose another time, or book it anyway if they agreed.',
    TRANSLATION_MISSING:
      '{count, plural, one {# part of this text does} other {# parts of this text do}} not exist in a language you read yet. Ask the committee for a translation or an interpreter before you confirm or sign.',
    INTERPRETER_REQUIRED:
      '{count, plural, one {A party attended} other {# parties attended}} without a mediator who speaks their language. Record the interpreter as present, or an officer records why there was none.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'This type of content is not accepted.',
    RATE_LIMITED:
      'Too many attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
    INTERNAL: 'Something went wrong on our side. It has been logged.',
    SERVICE_UNAVAILABLE: 'The service is temporarily unavailable.',
  },
  'zh-CN': {
    VALIDATION_FAILED: '字段 {field} 缺失或无效。',
    INVALID_JSON: '请求内容不是有效的 JSON。',
    UNAUTHENTICATED: '请先登录。',
    INVALID_CREDENTIALS: '邮箱或密码错误。',
    TOTP_REQUIRED: '请输入身份验证器中的验证码。',
    FORBIDDEN: '您无权执行此操作。',
    CSRF_REJECTED: '该请求来自其他网站，已被拒绝。',
    TOTP_ENROLLMENT_REQUIRED:
      '本委员会要求工作人员使用双重验证登录。请先设置身份验证器应用再继续。',
    NOT_FOUND: '未找到。',
    ALREADY_EXISTS: '该记录已存在。',
    VERSION_CONFLICT: '此记录已被他人修改，请刷新后重试。',
    INVALID_TRANSITION: '案件处于“{state}”状态，无法执行此操作。',
    DEADLINE_PASSED: '该事项的期限已过。',
    SESSION_IN_PAST: '该时间已过，请选择将来的时间。',
    CONSENT_REQUIRED: '还有 {count} 方当事人尚未作出所需的同意。',
    AGREEMENT_INCOMPLETE: '尚有当事人未逐条确认或签名，或调解员尚未签名。',
    AGREEMENT_TEXT_CHANGED: '定稿后当事人信息发生了变化，请先生成新的定稿版本再签署。',
    MEDIATOR_UNAVAILABLE:
      '{count, plural, other {# 名调解团队成员}}在该时间不可出席。请另选时间；如已征得其同意，可坚持预约。',
    TRANSLATION_MISSING:
      '此文本有 {count} 处尚无当事人能够阅读的语言版本。请在确认或签署前请委员会提供译文或安排翻译。',
    INTERPRETER_REQUIRED:
      '有 {count} 方当事人出席时没有懂其语言的调解员。请记录翻译在场，或由办案人员记录未安排翻译的原因。',
    PAYLOAD_TOO_LARGE: '请求内容过大。',
    UNSUPPORTED_MEDIA_TYPE: '不接受此类内容。',
    RATE_LIMITED: '尝试次数过多，请 {minutes} 分钟后再试。',
    INTERNAL: '系统出现错误，已记录。',
    SERVICE_UNAVAILABLE: '服务暂时不可用。',
  },
  ar: {
    VALIDATION_FAILED: 'الحقل {field} مفقود أو غير صالح.',
    INVALID_JSON: 'نص الطلب ليس JSON صالحًا.',
    UNAUTHENTICATED: 'يرجى تسجيل الدخول.',
    INVALID_CREDENTIALS: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    TOTP_REQUIRED: 'أدخل الرمز من تطبيق المصادقة.',
    FORBIDDEN: 'غير مسموح لك بهذا الإجراء.',
    CSRF_REJECTED: 'جاء الطلب من موقع آخر فتم رفضه.',
    TOTP_ENROLLMENT_REQUIRED:
      'تشترط لجنتكم على الموظفين تسجيل الدخول بعاملين. أعِدّ تطبيق المصادقة للمتابعة.',
    NOT_FOUND: 'غير موجود.',
    ALREADY_EXISTS: 'هذا موجود بالفعل.',
    VERSION_CONFLICT: 'قام شخص آخر بتعديل هذا السجل. أعد التحميل وحاول مرة أخرى.',
    INVALID_TRANSITION: 'هذا الإجراء غير ممكن بينما القضية في حالة {state}.',
    DEADLINE_PASSED: 'انقضت المهلة المحددة لهذا.',
    SESSION_IN_PAST: 'هذا الوقت قد مضى. اختر وقتًا في المستقبل.',
    CONSENT_REQUIRED:
      '{count, plural, zero {لم يقدّم أي طرف} one {لم يقدّم طرف واحد} two {لم يقدّم طرفان} few {لم يقدّم # أطراف} many {لم يقدّم # طرفًا} other {لم يقدّم # طرف}} الموافقة اللازمة بعد.',
    AGREEMENT_INCOMPLETE: 'لم يؤكد كل طرف جميع البنود ويوقّع بعد، أو لم يوقّع الوسيط.',
    AGREEMENT_TEXT_CHANGED: 'تغيّرت بيانات الأطراف بعد اعتماد النص. اعتمد نسخة جديدة قبل التوقيع.',
    MEDIATOR_UNAVAILABLE:
      '{count, plural, one {عضو واحد من فريق الوساطة غير متاح} two {عضوان من فريق الوساطة غير متاحين} few {# أعضاء من فريق الوساطة غير متاحين} many {# عضوًا من فريق الوساطة غير متاحين} other {# عضو من فريق الوساطة غير متاحين}} في هذا الوقت. اختر وقتًا آخر، أو احجز رغم ذلك إن وافقوا.',
    TRANSLATION_MISSING:
      '{count, plural, zero {لا توجد أجزاء} one {جزء واحد من هذا النص غير متوفر} two {جزآن من هذا النص غير متوفرين} few {# أجزاء من هذا النص غير متوفرة} many {# جزءًا من هذا النص غير متوفر} other {# جزء من هذا النص غير متوفر}} بعد بلغة تقرؤها. اطلب من اللجنة ترجمة أو مترجمًا فوريًا قبل التأكيد أو التوقيع.',
    INTERPRETER_REQUIRED:
      '{count, plural, one {حضر طرف} two {حضر طرفان} few {حضر # أطراف} many {حضر # طرفًا} other {حضر # طرف}} دون وسيط يتحدث لغته. سجّل حضور المترجم، أو يسجّل موظف اللجنة سبب عدم وجوده.',
    PAYLOAD_TOO_LARGE: 'الطلب كبير جدًا.',
    UNSUPPORTED_MEDIA_TYPE: 'هذا النوع من المحتوى غير مقبول.',
    RATE_LIMITED:
      'محاولات كثيرة جدًا. حاول مرة أخرى بعد {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.',
    INTERNAL: 'حدث خطأ من جانبنا وتم تسجيله.',
    SERVICE_UNAVAILABLE: 'الخدمة غير متاحة مؤقتًا.',
  },
  ru: {
    VALIDATION_FAILED: 'Поле {field} отсутствует или заполнено неверно.',
    INVALID_JSON: 'Тело запроса не является корректным JSON.',
    UNAUTHENTICATED: 'Пожалуйста, войдите в систему.',
    INVALID_CREDENTIALS: 'Неверный адрес электронной почты или пароль.',
    TOTP_REQUIRED: 'Введите код из приложения-аутентификатора.',
    FORBIDDEN: 'У вас нет прав на это действие.',
    CSRF_REJECTED: 'Запрос пришёл с другого сайта и отклонён.',
    TOTP_ENROLLMENT_REQUIRED:
      'Ваша комиссия требует от сотрудников двухфакторного входа. Настройте приложение-аутентификатор, чтобы продолжить.',
    NOT_FOUND: 'Не найдено.',
    ALREADY_EXISTS: 'Такая запись уже существует.',
    VERSION_CONFLICT: 'Запись изменил кто-то другой. Обновите страницу и повторите.',
    INVALID_TRANSITION: 'Это действие невозможно, пока дело в состоянии {state}.',
    DEADLINE_PASSED: 'Срок для этого истёк.',
    SESSION_IN_PAST: 'Это время уже прошло. Выберите время в будущем.',
    CONSENT_REQUIRED:
      '{count, plural, one {# сторона ещё не дала} few {# стороны ещё не дали} many {# сторон ещё не дали} other {# стороны ещё не дали}} необходимого согласия.',
    AGREEMENT_INCOMPLETE:
      'Не все стороны подтвердили каждый пункт и подписали, или медиатор ещё не подписал.',
    AGREEMENT_TEXT_CHANGED:
      'Данные сторон изменились после утверждения текста. Утвердите новую версию перед подписанием.',
    MEDIATOR_UNAVAILABLE:
      '{count, plural, one {# член команды не может} few {# члена команды не могут} many {# членов команды не могут} other {# члена команды не могут}} присутствовать в это время. Выберите другое время или назначьте всё равно, если они согласны.',
    TRANSLATION_MISSING:
      '{count, plural, one {# часть этого текста ещё не существует} few {# части этого текста ещё не существуют} many {# частей этого текста ещё не существуют} other {# части этого текста ещё не существуют}} на языке, который вы читаете. Попросите комитет о переводе или устном переводчике, прежде чем подтверждать или подписывать.',
    INTERPRETER_REQUIRED:
      '{count, plural, one {# сторона присутствовала} few {# стороны присутствовали} many {# сторон присутствовали} other {# стороны присутствовали}} без медиатора, говорящего на её языке. Отметьте присутствие переводчика, или сотрудник комитета указывает, почему его не было.',
    PAYLOAD_TOO_LARGE: 'Запрос слишком большой.',
    UNSUPPORTED_MEDIA_TYPE: 'Этот тип содержимого не принимается.',
    RATE_LIMITED:
      'Слишком много попыток. Повторите через {minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}.',
    INTERNAL: 'На нашей стороне произошла ошибка. Она записана.',
    SERVICE_UNAVAILABLE: 'Сервис временно недоступен.',
  },
  es: {
    VALIDATION_FAILED: 'El campo {field} falta o no es válido.',
    INVALID_JSON: 'El cuerpo de la solicitud no es JSON válido.',
    UNAUTHENTICATED: 'Inicie sesión.',
    INVALID_CREDENTIALS: 'El correo electrónico o la contraseña son incorrectos.',
    TOTP_REQUIRED: 'Introduzca el código de su aplicación de autenticación.',
    FORBIDDEN: 'No tiene permiso para hacer esto.',
    CSRF_REJECTED: 'La solicitud procede de otro sitio y se ha rechazado.',
    TOTP_ENROLLMENT_REQUIRED:
      'Su comité exige al personal el inicio de sesión en dos pasos. Configure una aplicación de autenticación para continuar.',
    NOT_FOUND: 'No encontrado.',
    ALREADY_EXISTS: 'Esto ya existe.',
    VERSION_CONFLICT: 'Otra persona ha modificado este registro. Recárguelo e inténtelo de nuevo.',
    INVALID_TRANSITION: 'Esta acción no es posible mientras el caso está en estado {state}.',
    DEADLINE_PASSED: 'El plazo para esto ha vencido.',
    SESSION_IN_PAST: 'Esta hora ya ha pasado. Elija una hora futura.',
    CONSENT_REQUIRED:
      '{count, plural, one {# parte aún no ha dado} other {# partes aún no han dado}} el consentimiento necesario.',
    AGREEMENT_INCOMPLETE:
      'No todas las partes han confirmado cada punto y firmado, o el mediador aún no ha firmado.',
    AGREEMENT_TEXT_CHANGED:
      'Los datos de las partes cambiaron después de finalizar el texto. Finalice una nueva versión antes de firmar.',
    MEDIATOR_UNAVAILABLE:
      '{count, plural, one {Un miembro del equipo no está disponible} other {# miembros del equipo no están disponibles}} a esa hora. Elija otra hora o reserve igualmente si han dado su acuerdo.',
    TRANSLATION_MISSING:
      '{count, plural, one {# parte de este texto aún no existe} other {# partes de este texto aún no existen}} en un idioma que usted lee. Pida al comité una traducción o un intérprete antes de confirmar o firmar.',
    INTERPRETER_REQUIRED:
      '{count, plural, one {# parte asistió} other {# partes asistieron}} sin un mediador que hable su idioma. Registre la presencia del intérprete, o el personal del comité registra por qué no lo hubo.',
    PAYLOAD_TOO_LARGE: 'La solicitud es demasiado grande.',
    UNSUPPORTED_MEDIA_TYPE: 'Este tipo de contenido no se acepta.',
    RATE_LIMITED:
      'Demasiados intentos. Vuelva a intentarlo en {minutes, plural, one {# minuto} other {# minutos}}.',
    INTERNAL: 'Algo ha fallado por nuestra parte. Se ha registrado.',
    SERVICE_UNAVAILABLE: 'El servicio no está disponible temporalmente.',
  },
  fr: {
    VALIDATION_FAILED: 'Le champ {field} est manquant ou invalide.',
    INVALID_JSON: "Le corps de la requête n'est pas un JSON valide.",
    UNAUTHENTICATED: 'Veuillez vous connecter.',
    INVALID_CREDENTIALS: "L'adresse e-mail ou le mot de passe est incorrect.",
    TOTP_REQUIRED: "Saisissez le code de votre application d'authentification.",
    FORBIDDEN: "Vous n'êtes pas autorisé à faire cela.",
    CSRF_REJECTED: "La requête venait d'un autre site et a été refusée.",
    TOTP_ENROLLMENT_REQUIRED:
      "Votre comité exige la connexion à deux facteurs pour le personnel. Configurez une application d'authentification pour continuer.",
    NOT_FOUND: 'Introuvable.',
    ALREADY_EXISTS: 'Cela existe déjà.',
    VERSION_CONFLICT: "Quelqu'un d'autre a modifié cet enregistrement. Rechargez et réessayez.",
    INVALID_TRANSITION: "Cette action n'est pas possible tant que le dossier est à l'état {state}.",
    DEADLINE_PASSED: 'Le délai est dépassé.',
    SESSION_IN_PAST: 'Cette heure est déjà passée. Choisissez une heure à venir.',
    CONSENT_REQUIRED:
      "{count, plural, one {# partie n'a pas encore donné} other {# parties n'ont pas encore donné}} le consentement nécessaire.",
    AGREEMENT_INCOMPLETE:
      "Toutes les parties n'ont pas encore confirmé chaque point et signé, ou le médiateur n'a pas signé.",
    AGREEMENT_TEXT_CHANGED:
      'Les informations des parties ont changé après la finalisation du texte. Finalisez une nouvelle version avant de signer.',
    MEDIATOR_UNAVAILABLE:
      '{count, plural, one {Un membre de l’équipe n’est pas disponible} other {# membres de l’équipe ne sont pas disponibles}} à cette heure. Choisissez une autre heure, ou réservez quand même s’ils ont donné leur accord.',
    TRANSLATION_MISSING:
      '{count, plural, one {# partie de ce texte n’existe} other {# parties de ce texte n’existent}} pas encore dans une langue que vous lisez. Demandez au comité une traduction ou un interprète avant de confirmer ou de signer.',
    INTERPRETER_REQUIRED:
      '{count, plural, one {# partie était présente} other {# parties étaient présentes}} sans médiateur parlant sa langue. Indiquez la présence de l’interprète, ou le personnel du comité consigne pourquoi il n’y en avait pas.',
    PAYLOAD_TOO_LARGE: 'La requête est trop volumineuse.',
    UNSUPPORTED_MEDIA_TYPE: "Ce type de contenu n'est pas accepté.",
    RATE_LIMITED:
      'Trop de tentatives. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.',
    INTERNAL: "Une erreur s'est produite de notre côté. Elle a été enregistrée.",
    SERVICE_UNAVAILABLE: 'Le service est momentanément indisponible.',
  },
  fa: {
    VALIDATION_FAILED: 'فیلد {field} وجود ندارد یا نامعتبر است.',
    INVALID_JSON: 'بدنهٔ درخواست JSON معتبر نیست.',
    UNAUTHENTICATED: 'لطفاً وارد شوید.',
    INVALID_CREDENTIALS: 'نشانی ایمیل یا گذرواژه نادرست است.',
    TOTP_REQUIRED: 'کد برنامهٔ احراز هویت را وارد کنید.',
    FORBIDDEN: 'شما اجازهٔ این کار را ندارید.',
    CSRF_REJECTED: 'درخواست از سایت دیگری آمده بود و رد شد.',
    TOTP_ENROLLMENT_REQUIRED:
      'کمیتهٔ شما برای کارکنان ورود دومرحله‌ای را الزامی کرده است. برای ادامه، برنامهٔ احراز هویت را راه‌اندازی کنید.',
    NOT_FOUND: 'یافت نشد.',
    ALREADY_EXISTS: 'این مورد از قبل وجود دارد.',
    VERSION_CONFLICT: 'شخص دیگری این سابقه را تغییر داده است. دوباره بارگذاری و تلاش کنید.',
    INVALID_TRANSITION: 'تا زمانی که پرونده در وضعیت {state} است، این اقدام ممکن نیست.',
    DEADLINE_PASSED: 'مهلت این کار گذشته است.',
    SESSION_IN_PAST: 'این زمان گذشته است. زمانی در آینده انتخاب کنید.',
    CONSENT_REQUIRED: '{count} طرف هنوز رضایت لازم را نداده‌اند.',
    AGREEMENT_INCOMPLETE:
      'هنوز همه طرفین تک‌تک بندها را تأیید و امضا نکرده‌اند، یا میانجی امضا نکرده است.',
    AGREEMENT_TEXT_CHANGED:
      'مشخصات طرفین پس از نهایی شدن متن تغییر کرده است. پیش از امضا نسخه جدیدی نهایی کنید.',
    MEDIATOR_UNAVAILABLE:
      '{count, plural, other {# عضو تیم میانجی‌گری}} در آن زمان در دسترس نیست. زمان دیگری انتخاب کنید، یا اگر موافقت کرده‌اند، به هر حال رزرو کنید.',
    TRANSLATION_MISSING:
      '{count, plural, one {# بخش از این متن} other {# بخش از این متن}} هنوز به زبانی که می‌خوانید موجود نیست. پیش از تأیید یا امضا، از کمیته ترجمه یا مترجم بخواهید.',
    INTERPRETER_REQUIRED:
      '{count, plural, one {# طرف} other {# طرف}} بدون میانجی‌ای که زبانشان را بداند حاضر بودند. حضور مترجم را ثبت کنید، یا کارشناس کمیته دلیل نبودن مترجم را ثبت کند.',
    PAYLOAD_TOO_LARGE: 'درخواست بیش از حد بزرگ است.',
    UNSUPPORTED_MEDIA_TYPE: 'این نوع محتوا پذیرفته نمی‌شود.',
    RATE_LIMITED:
      'تلاش‌های بیش از حد. {minutes, plural, one {# دقیقه} other {# دقیقه}} دیگر دوباره تلاش کنید.',
    INTERNAL: 'خطایی در سمت ما رخ داد و ثبت شد.',
    SERVICE_UNAVAILABLE: 'سرویس موقتاً در دسترس نیست.',
  },
  tr: {
    VALIDATION_FAILED: '{field} alanı eksik veya geçersiz.',
    INVALID_JSON: 'İstek gövdesi geçerli bir JSON değil.',
    UNAUTHENTICATED: 'Lütfen oturum açın.',
    INVALID_CREDENTIALS: 'E-posta adresi veya parola yanlış.',
    TOTP_REQUIRED: 'Kimlik doğrulama uygulamanızdaki kodu girin.',
    FORBIDDEN: 'Bunu yapmaya yetkiniz yok.',
    CSRF_REJECTED: 'İstek başka bir siteden geldi ve reddedildi.',
    TOTP_ENROLLMENT_REQUIRED:
      'Komiteniz personel için iki adımlı girişi zorunlu kılıyor. Devam etmek için bir kimlik doğrulama uygulaması kurun.',
    NOT_FOUND: 'Bulunamadı.',
    ALREADY_EXISTS: 'Bu zaten mevcut.',
    VERSION_CONFLICT: 'Bu kaydı başka biri değiştirdi. Yeniden yükleyip tekrar deneyin.',
    INVALID_TRANSITION: 'Dosya {state} durumundayken bu işlem yapılamaz.',
    DEADLINE_PASSED: 'Bunun için süre doldu.',
    SESSION_IN_PAST: 'Bu saat geçti. İleride bir saat seçin.',
    CONSENT_REQUIRED: '{count} taraf henüz gerekli onayı vermedi.',
    AGREEMENT_INCOMPLETE:
      'Henüz her taraf her maddeyi onaylayıp imzalamadı ya da arabulucu imzalamadı.',
    AGREEMENT_TEXT_CHANGED:
      'Metin kesinleştikten sonra tarafların bilgileri değişti. İmzalamadan önce yeni bir sürüm kesinleştirin.',
    MEDIATOR_UNAVAILABLE:
      '{count, plural, other {# ekip üyesi}} o saatte müsait değil. Başka bir saat seçin ya da kabul ettilerse yine de planlayın.',
    TRANSLATION_MISSING:
      'Bu metnin {count} bölümü henüz okuduğunuz bir dilde yok. Onaylamadan veya imzalamadan önce komiteden çeviri ya da tercüman isteyin.',
    INTERPRETER_REQUIRED:
      '{count} taraf, dilini konuşan bir arabulucu olmadan katıldı. Tercümanın hazır bulunduğunu kaydedin ya da komite görevlisi neden bulunmadığını kaydetsin.',
    PAYLOAD_TOO_LARGE: 'İstek çok büyük.',
    UNSUPPORTED_MEDIA_TYPE: 'Bu içerik türü kabul edilmiyor.',
    RATE_LIMITED:
      'Çok fazla deneme. {minutes, plural, one {# dakika} other {# dakika}} sonra tekrar deneyin.',
    INTERNAL: 'Bizim tarafımızda bir hata oluştu. Kaydedildi.',
    SERVICE_UNAVAILABLE: 'Hizmet geçici olarak kullanılamıyor.',
  },
};

export function formatErrorMessage(
  locale: Locale,
  code: ErrorCode,
  params: Record<string, string | number>,
): string {
  const pattern = errorMessages[locale][code];
  try {
    return String(
      new IntlMessageFormat(pattern, locale).format({
        field: '',
        state: '',
        minutes: 0,
        ...params,
      }),
    );
  } catch {
    return pattern;
  }
}
